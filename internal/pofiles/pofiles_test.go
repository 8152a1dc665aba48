package pofiles

import "testing"

func TestOf(t *testing.T) {
	for _, c := range []struct {
		path string
		want Place
		ok   bool
	}{
		{Template("submission"), Place{Key: "submission"}, true},
		{Template("guides/start"), Place{Key: "guides/start"}, true},
		{Page("es", "submission"), Place{Lang: "es", Key: "submission"}, true},
		{Page("es", "guides/start"), Place{Lang: "es", Key: "guides/start"}, true},
		{StringsTemplate(), Place{Strings: true}, true},
		{Strings("es"), Place{Strings: true, Lang: "es"}, true},
		{Dir + "/pages/submission.po", Place{}, false},
		{Dir + "/strings/es/strings.po", Place{}, false},
		{Dir + "/es.po", Place{}, false},
		{Dir + "/other/es.po", Place{}, false},
		{"content/es/submission.po", Place{}, false},
	} {
		got, ok := Of(c.path)
		if got != c.want || ok != c.ok {
			t.Errorf("Of(%q) = %+v, %v; want %+v, %v", c.path, got, ok, c.want, c.ok)
		}
	}
}
