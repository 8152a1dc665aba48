package content

import "testing"

func TestFieldLine(t *testing.T) {
	toml := "title = \"T\"\n  slug=\"s\"\ntitles = 1\n\n[params]\nx = 1\n[params.cite]\n"
	yaml := "title: T\ndraft : true\n"
	for _, c := range []struct {
		fm, format, key string
		want            int
	}{
		{toml, "toml", "title", 1},
		{toml, "toml", "slug", 2},
		{toml, "toml", "titles", 3},
		{toml, "toml", "params", 5},
		{toml, "toml", "x", 6},
		{toml, "toml", "cite", 0},
		{toml, "toml", "draft", 0},
		{yaml, "yaml", "draft", 2},
		{yaml, "yaml", "title", 1},
		{yaml, "toml", "title", 0},
		{"", "toml", "title", 0},
	} {
		if got := fieldLine([]byte(c.fm), c.format, c.key); got != c.want {
			t.Errorf("%s %q in %q: line %d, want %d", c.format, c.key, c.fm, got, c.want)
		}
	}
}
