package svg

import (
	"encoding/xml"
	"strings"
)

// maxDrawn bounds the elements a browser draws for one picture, counting
// each <use> as the element it repeats: ten nested groups of ten uses
// each ("billion laughs" in SVG) make a ten-billion-element picture that
// freezes a reader's phone. A detailed map has a few thousand elements.
const maxDrawn = 200_000

// node is a kept element, for counting what the picture makes a browser
// draw.
type node struct {
	children []int
	ref      string // a <use>'s target id, without "#"
	line     int
}

// record notes a kept element in the tree: its id and, for <use>, what
// it repeats.
func (c *cleaner) record(name string, attrs []xml.Attr) {
	n := len(c.nodes)
	c.nodes = append(c.nodes, node{line: c.at})
	if len(c.path) > 0 {
		parent := c.path[len(c.path)-1]
		c.nodes[parent].children = append(c.nodes[parent].children, n)
	}
	c.path = append(c.path, n)
	var id, href string
	for _, a := range attrs {
		switch {
		case a.Name.Space == "" && a.Name.Local == "id":
			id = a.Value
		case a.Name.Local == "href" && (a.Name.Space == "" || a.Name.Space == xlinkNS):
			href = strings.TrimSpace(a.Value)
		}
	}
	if id != "" {
		if _, ok := c.ids[id]; !ok {
			c.ids[id] = n // the first element with an id is the one a reference finds
		}
	}
	if name == "use" {
		c.nodes[n].ref = strings.TrimPrefix(href, "#")
	}
}

// drawn refuses a picture whose <use> elements refer to each other in a
// loop, or make it draw more than maxDrawn elements.
func (c *cleaner) drawn() error {
	if len(c.nodes) == 0 {
		return nil
	}
	state := make([]uint8, len(c.nodes)) // 0 new, 1 being counted, 2 counted
	count := make([]int, len(c.nodes))
	var loop *node
	var visit func(i int) int
	visit = func(i int) int {
		switch state[i] {
		case 1:
			loop = &c.nodes[i]
			return 0
		case 2:
			return count[i]
		}
		state[i] = 1
		n := 1
		for _, ch := range c.nodes[i].children {
			n = min(n+visit(ch), maxDrawn+1)
		}
		if t, ok := c.ids[c.nodes[i].ref]; ok && c.nodes[i].ref != "" {
			if state[t] == 1 {
				loop = &c.nodes[i]
			} else {
				n = min(n+visit(t), maxDrawn+1)
			}
		}
		state[i], count[i] = 2, n
		return n
	}
	total := visit(0)
	switch {
	case loop != nil:
		return &Error{Line: loop.line, Reason: "has a <use> that repeats an element containing it, a loop browsers refuse to draw; remove it"}
	case total > maxDrawn:
		return &Error{Line: c.rootLine, Reason: "makes a browser draw more than 200,000 elements, counting what each <use> repeats, which would freeze a reader's phone; simplify the drawing"}
	}
	return nil
}
