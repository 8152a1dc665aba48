// Package tmplwalk walks the parse trees of text/template and
// html/template, which the standard library parses but gives no walk of.
package tmplwalk

import "text/template/parse"

// Walk calls f for n and every node under it, a node before those under
// it; f may change what is under a node, and Walk then walks what it
// finds there. Walk follows pipelines, commands, chains, the branches of
// if, range and with, and the argument of {{template}}, not the template
// it names.
func Walk(n parse.Node, f func(parse.Node)) {
	if absent(n) {
		return
	}
	f(n)
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			Walk(c, f)
		}
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			Walk(c, f)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			Walk(a, f)
		}
	case *parse.ActionNode:
		Walk(n.Pipe, f)
	case *parse.TemplateNode:
		Walk(n.Pipe, f)
	case *parse.ChainNode:
		Walk(n.Node, f)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, f)
	}
}

// absent reports whether n is no node: nil, or the nil list or pipeline
// of a branch without {{else}} or a {{template}} without an argument.
func absent(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		return n == nil
	case *parse.PipeNode:
		return n == nil
	}
	return n == nil
}

// walkBranch walks the pipeline and both lists of an if, range or with.
func walkBranch(b *parse.BranchNode, f func(parse.Node)) {
	Walk(b.Pipe, f)
	Walk(b.List, f)
	Walk(b.ElseList, f)
}
