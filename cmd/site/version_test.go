package main

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

func TestDescribe(t *testing.T) {
	vcs := func(rev, modified string) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified},
		}}
	}
	tests := []struct {
		name            string
		version, commit string
		info            *debug.BuildInfo
		wantV, wantC    string
	}{
		{"release", "v1.2.0", "0123abc", vcs("fff", "false"), "v1.2.0", "0123abc"},
		{"checkout", "", "", vcs("89ab", "false"), "devel", "89ab"},
		{"checkout with changes", "", "", vcs("89ab", "true"), "devel", "89ab+changes"},
		{"go install of a tag", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.3.0"}}, "v1.3.0", "unknown"},
		{"nothing known", "", "", nil, "devel", "unknown"},
	}
	for _, tt := range tests {
		v, c := describe(tt.version, tt.commit, tt.info)
		if v != tt.wantV || c != tt.wantC {
			t.Errorf("%s: describe = %q, %q; want %q, %q", tt.name, v, c, tt.wantV, tt.wantC)
		}
	}
}

func TestVersionCommand(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"version"}, &out, &errs); code != 0 {
		t.Fatalf("site version: exit %d, %s", code, errs.String())
	}
	if !strings.HasPrefix(out.String(), "site ") || !strings.Contains(out.String(), "(commit ") {
		t.Errorf("site version printed %q", out.String())
	}
}
