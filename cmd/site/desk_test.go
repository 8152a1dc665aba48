package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFindProject(t *testing.T) {
	project := t.TempDir()
	if err := os.WriteFile(filepath.Join(project, "site.toml"), []byte("title = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	elsewhere := t.TempDir()
	tests := []struct {
		name, cwd, exe, want string
	}{
		{"typed in the project folder", project, filepath.Join(elsewhere, "site"), project},
		{"double-clicked in the project folder (Finder starts in home)", elsewhere, filepath.Join(project, "site"), project},
		{"neither is a project", elsewhere, filepath.Join(elsewhere, "site"), ""},
		{"no folder known", "", "", ""},
	}
	for _, tt := range tests {
		if got := findProject(tt.cwd, tt.exe); got != tt.want {
			t.Errorf("%s: findProject(%q, %q) = %q, want %q", tt.name, tt.cwd, tt.exe, got, tt.want)
		}
	}
}

func TestNoArgumentsOutsideAProjectPrintsUsage(t *testing.T) {
	dir := t.TempDir()
	saved := cwdAndExe
	cwdAndExe = func() (string, string) { return dir, filepath.Join(dir, "site") }
	t.Cleanup(func() { cwdAndExe = saved })
	code, stdout, _ := runSite(t)
	if code != 0 || stdout == "" {
		t.Errorf("site with no arguments outside a project: exit %d, output %q; want the usage", code, stdout)
	}
}

func TestSystemLang(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "es_MX.UTF-8"}, "es"},
		{map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "es_MX.UTF-8"}, "en"},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, "en"},
	} {
		saved := getenv
		getenv = func(k string) string { return tc.env[k] }
		if got := systemLang(); got != tc.want {
			t.Errorf("systemLang with %v = %q, want %q", tc.env, got, tc.want)
		}
		getenv = saved
	}
}

func TestFirstAppleLanguage(t *testing.T) {
	for in, want := range map[string]string{
		"(\n    \"es-419\",\n    \"en-US\"\n)\n": "es-419",
		"(\n    en\n)\n":                         "en",
		"(\n)\n":                                 "",
	} {
		if got := firstAppleLanguage(in); got != want {
			t.Errorf("firstAppleLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}
