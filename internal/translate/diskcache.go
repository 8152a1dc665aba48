package translate

import (
	"io/fs"

	"cecot/internal/parsecache"
	"cecot/internal/po"
	"cecot/internal/translation"
)

// CachedOnDisk returns fsys reading through the parse cache kept on
// disk in store (the project's .cache/parse/): a page's blocks and a PO
// file's messages are decoded from it when an earlier command, or
// workbench, parsed the same bytes the same way, and parsed and kept
// otherwise. Every file is still read; an entry is used only when the
// hash of the bytes read is the one it was made from. It keeps nothing
// in memory (Cached adds that, for the workbench). SaveCache writes what
// it added. A nil store returns fsys.
func CachedOnDisk(fsys fs.FS, store *parsecache.Store) fs.FS {
	if store == nil {
		return fsys
	}
	return &parseCache{FS: fsys, store: store}
}

// SaveCache writes what fsys's parse cache on disk (CachedOnDisk) added
// since it was opened or last saved, dropping the entries of files that
// exist no more. It does nothing for any other fsys. An error only
// means that the next command parses again; callers may ignore it.
func SaveCache(fsys fs.FS) error {
	c, ok := fsys.(*parseCache)
	if !ok || c.store == nil {
		return nil
	}
	return c.store.Save(func(name string) bool {
		_, err := fs.Stat(c.FS, name)
		return err == nil
	})
}

// A page's cache entry is its blocks (readPageFile's work beyond the
// front matter): a count, then each block's fields in the order of
// encodeBlock. TestBlockCodecEveryField fails when a field is added to
// block and not here.

func encodeBlocks(blocks []block) []byte {
	var e parsecache.Encoder
	e.Len(len(blocks))
	for i := range blocks {
		encodeBlock(&e, &blocks[i])
	}
	return e.Bytes()
}

func encodeBlock(e *parsecache.Encoder, b *block) {
	e.String(string(b.Kind))
	e.String(b.Anchor)
	e.String(b.ID)
	e.String(b.Text)
	e.Int(b.Line)
	e.String(b.ctx)
	e.Int(b.start)
	e.Int(b.end)
	e.String(b.cont)
	e.String(b.frontKey)
	e.Int(b.frontLine)
	e.String(b.frontTable)
}

func decodeBlocks(data string) ([]block, error) {
	d := parsecache.NewDecoder(data)
	blocks := make([]block, d.Len())
	for i := range blocks {
		b := &blocks[i]
		b.Kind = translation.Kind(d.String())
		b.Anchor = d.String()
		b.ID = d.String()
		b.Text = d.String()
		b.Line = d.Int()
		b.ctx = d.String()
		b.start = d.Int()
		b.end = d.Int()
		b.cont = d.String()
		b.frontKey = d.String()
		b.frontLine = d.Int()
		b.frontTable = d.String()
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	if len(blocks) == 0 {
		return nil, nil
	}
	return blocks, nil
}

// A PO file's cache entry is the po.File: its head entry, header fields
// and entries (TestPOCodecEveryField guards every field).

func encodePO(f *po.File) []byte {
	var e parsecache.Encoder
	encodeEntry(&e, &f.Head)
	e.Len(len(f.Header))
	for _, h := range f.Header {
		e.String(h.Name)
		e.String(h.Value)
	}
	e.Len(len(f.Entries))
	for _, en := range f.Entries {
		encodeEntry(&e, en)
	}
	return e.Bytes()
}

func encodeEntry(e *parsecache.Encoder, en *po.Entry) {
	e.Strings(en.Comments)
	e.Strings(en.Extracted)
	e.Strings(en.Refs)
	e.Strings(en.Flags)
	e.OptString(en.PrevContext)
	e.OptString(en.PrevID)
	e.OptString(en.PrevIDPlural)
	e.OptString(en.Context)
	e.String(en.ID)
	e.OptString(en.IDPlural)
	e.Strings(en.Str)
	e.Bool(en.Obsolete)
	e.Int(en.Line)
	e.Int(en.StrLine)
}

func decodePO(data string) (*po.File, error) {
	d := parsecache.NewDecoder(data)
	f := &po.File{}
	decodeEntry(d, &f.Head)
	if n := d.Len(); n > 0 {
		f.Header = make([]po.Field, n)
		for i := range f.Header {
			f.Header[i] = po.Field{Name: d.String(), Value: d.String()}
		}
	}
	if n := d.Len(); n > 0 {
		f.Entries = make([]*po.Entry, n)
		all := make([]po.Entry, n) // one allocation for all of them
		for i := range f.Entries {
			decodeEntry(d, &all[i])
			f.Entries[i] = &all[i]
		}
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

func decodeEntry(d *parsecache.Decoder, en *po.Entry) {
	en.Comments = d.Strings()
	en.Extracted = d.Strings()
	en.Refs = d.Strings()
	en.Flags = d.Strings()
	en.PrevContext = d.OptString()
	en.PrevID = d.OptString()
	en.PrevIDPlural = d.OptString()
	en.Context = d.OptString()
	en.ID = d.String()
	en.IDPlural = d.OptString()
	en.Str = d.Strings()
	en.Obsolete = d.Bool()
	en.Line = d.Int()
	en.StrLine = d.Int()
}
