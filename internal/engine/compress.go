package engine

import (
	"bytes"
	"compress/gzip"
	"path"

	"github.com/andybalholm/brotli"
)

// encoding is a compressed sibling of a published file: name + ext.
type encoding struct {
	ext      string
	compress func([]byte) ([]byte, error)
}

// encodings are the siblings a compressed build writes, for servers that
// send a precompressed file to browsers that accept it (nginx's
// gzip_static and brotli_static, Caddy's precompressed).
var encodings = [...]encoding{
	{".gz", gzipBytes},
	{".br", brotliBytes},
}

// compressedTypes are the extensions of the files worth compressing:
// text. Images other than SVG are compressed already.
var compressedTypes = map[string]bool{
	".html": true, ".css": true, ".js": true, ".svg": true,
	".xml": true, ".json": true, ".txt": true,
}

func compressible(name string) bool { return compressedTypes[path.Ext(name)] }

// gzipBytes compresses with gzip at its best. The header holds no name
// and no time, so the same file always gives the same bytes.
func gzipBytes(data []byte) ([]byte, error) {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// brotliBytes compresses with Brotli at its best quality: slow, but done
// once per build and only when asked for.
func brotliBytes(data []byte) ([]byte, error) {
	var b bytes.Buffer
	bw := brotli.NewWriterLevel(&b, brotli.BestCompression)
	if _, err := bw.Write(data); err != nil {
		return nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
