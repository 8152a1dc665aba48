package status

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/template/parse"

	"cecot/internal/config"
	"cecot/internal/diag"
	"cecot/internal/tmplwalk"
)

// Use is a place where a layout uses an interface string.
type Use struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// usedStrings returns the interface-string IDs that the layouts in fsys use,
// each with the places that use it: the literal first argument of T, of
// the T method (.T, $x.T) and, for date, the date pattern of the style
// and the names of the months.
func usedStrings(fsys fs.FS) (map[string][]Use, error) {
	ids := map[string][]Use{}
	var errs diag.List
	err := fs.WalkDir(fsys, config.LayoutsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Ext(p) != ".html" {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		errs.Add(layoutStrings(p, string(data), ids))
		return nil
	})
	if err != nil {
		errs.Add(diag.Errorf(config.LayoutsDir, 0, "cannot read: %v", err))
	}
	for _, uses := range ids {
		sort.Slice(uses, func(i, j int) bool {
			if uses[i].File != uses[j].File {
				return uses[i].File < uses[j].File
			}
			return uses[i].Line < uses[j].Line
		})
	}
	return ids, errs.Err()
}

// layoutStrings parses one layout without checking its functions, so that
// it needs none of the renderer's, and collects the IDs of the strings it uses.
func layoutStrings(file, text string, ids map[string][]Use) error {
	t := parse.New(file)
	t.Mode = parse.SkipFuncCheck | parse.ParseComments
	treeSet := map[string]*parse.Tree{}
	if _, err := t.Parse(text, "", "", treeSet); err != nil {
		return diag.Errorf(file, 0, "%v", err)
	}
	names := slices.Sorted(maps.Keys(treeSet))
	for _, name := range names {
		tree := treeSet[name]
		add := func(id string, n parse.Node) {
			ids[id] = append(ids[id], Use{File: file, Line: lineOf(tree, text, n)})
		}
		tmplwalk.Walk(tree.Root, func(n parse.Node) {
			if cmd, ok := n.(*parse.CommandNode); ok {
				callStrings(cmd, add)
			}
		})
	}
	return nil
}

func lineOf(tree *parse.Tree, text string, n parse.Node) int {
	loc, _ := tree.ErrorContext(n)
	// loc is "name:line:col"
	parts := strings.Split(loc, ":")
	if len(parts) >= 3 {
		if l, err := strconv.Atoi(parts[len(parts)-2]); err == nil {
			return l
		}
	}
	return strings.Count(text[:min(int(n.Position()), len(text))], "\n") + 1
}

// callStrings finds the string IDs of one command: T "id", .T "id", date x "style".
func callStrings(cmd *parse.CommandNode, add func(string, parse.Node)) {
	if len(cmd.Args) < 2 {
		return
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok && id.Ident == "date" && len(cmd.Args) >= 3 {
		if style, ok := cmd.Args[2].(*parse.StringNode); ok {
			add("date_"+style.Text, style)
			for m := 1; m <= 12; m++ {
				add(fmt.Sprintf("month_%d", m), style)
			}
		}
	}
	arg, ok := cmd.Args[1].(*parse.StringNode)
	if !ok {
		return
	}
	switch fn := cmd.Args[0].(type) {
	case *parse.IdentifierNode:
		if fn.Ident == "T" {
			add(arg.Text, arg)
		}
	case *parse.FieldNode:
		if last(fn.Ident) == "T" {
			add(arg.Text, arg)
		}
	case *parse.VariableNode:
		if len(fn.Ident) > 1 && last(fn.Ident) == "T" {
			add(arg.Text, arg)
		}
	case *parse.ChainNode:
		if last(fn.Field) == "T" {
			add(arg.Text, arg)
		}
	}
}

func last(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}
