package engine

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestOwnerOfStagingMarker(t *testing.T) {
	pid, here := owner(stagingMarker())
	if !here || pid != os.Getpid() {
		t.Errorf("owner(stagingMarker()) = %d, %v; want %d, true", pid, here, os.Getpid())
	}
	for _, m := range []string{markerText, "", markerText + "Being built by process 12 on another-computer.\n", markerText + "Being built by process x on " + hostname() + ".\n"} {
		if pid, here := owner([]byte(m)); here {
			t.Errorf("owner(%q) = %d, true; want false", m, pid)
		}
	}
}

// A build killed with kill -9 leaves its staging folder; the next build
// removes it at once when that process is gone, and leaves the folder of
// a build that still runs, however old, where it can tell.
func TestStageRemovesFoldersOfEndedBuilds(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("on Windows staging folders are removed by age alone")
	}
	// A process that has ended, and one that runs.
	ended := exec.Command(os.Args[0], "-test.run=^$")
	if err := ended.Run(); err != nil {
		t.Fatal(err)
	}
	running := exec.Command("sleep", "60")
	if err := running.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = running.Process.Kill(); _ = running.Wait() }()

	parent := t.TempDir()
	mk := func(name string, pid int, age time.Duration) string {
		dir := filepath.Join(parent, name)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		m := filepath.Join(dir, Marker)
		text := markerText + strings.Replace(string(stagingMarker()[len(markerText):]), strconv.Itoa(os.Getpid()), strconv.Itoa(pid), 1)
		if err := os.WriteFile(m, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		when := time.Now().Add(-age)
		if err := os.Chtimes(m, when, when); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	killedNow := mk(".public.new-1", ended.Process.Pid, time.Second)
	stillRunning := mk(".public.new-2", running.Process.Pid, time.Hour)

	dir, err := stage(filepath.Join(parent, "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if _, err := os.Stat(killedNow); err == nil {
		t.Error("the folder of a build whose process ended a moment ago is still there")
	}
	if _, err := os.Stat(stillRunning); err != nil {
		t.Error("the folder of a build that still runs was removed")
	}
	if data, err := os.ReadFile(filepath.Join(dir, Marker)); err != nil || !strings.Contains(string(data), strconv.Itoa(os.Getpid())) {
		t.Errorf("staging marker %q does not name this process", data)
	}
}

func TestOwnerOfOldSiteMarker(t *testing.T) {
	pid, here := owner(oldSiteMarker())
	if !here || pid != os.Getpid() {
		t.Errorf("owner(oldSiteMarker()) = %d, %v; want %d, true", pid, here, os.Getpid())
	}
	if string(oldSiteMarker()) == string(stagingMarker()) {
		t.Error("an old site's marker reads as a staging folder's")
	}
}

// killAfterSwapEnv makes the test binary, run as a child, run
// killedAfterSwap in the folder it names (see TestMain).
const killAfterSwapEnv = "ENGINE_TEST_KILL_AFTER_SWAP"

// killedAfterSwap runs, in a child test binary, a build that is killed
// just after its swap: it publishes a site over an older one in the
// folder dir and exits at once, without deleting the old site.
func killedAfterSwap(dir string) {
	out := filepath.Join(dir, "public")
	staged, err := stage(out)
	if err == nil {
		err = os.WriteFile(filepath.Join(staged, "index.html"), []byte("new"), 0o644)
	}
	if err == nil {
		_, err = publish(staged, out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// A build killed just after the swap leaves the old site beside the new
// one; its marker says it is an old site and names the build, so the
// next build removes it at once rather than after abandonedAge.
func TestOldSiteOfKilledBuildIsRemoved(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("on Windows leftovers are removed by age alone")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{Marker: markerText, "index.html": "old"} {
		if err := os.WriteFile(filepath.Join(out, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), killAfterSwapEnv+"="+parent)
	if msg, err := child.CombinedOutput(); err != nil {
		t.Fatalf("the killed build: %v\n%s", err, msg)
	}
	leftovers, _ := filepath.Glob(filepath.Join(parent, ".public.new-*"))
	if len(leftovers) != 1 {
		t.Fatalf("the killed build left %v; want its old site", leftovers)
	}
	marker, _ := os.ReadFile(filepath.Join(leftovers[0], Marker))
	if pid, here := owner(marker); !here || pid != child.Process.Pid || !strings.Contains(string(marker), "Old site") {
		t.Errorf("the old site's marker %q does not say it is an old site of process %d", marker, child.Process.Pid)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "new" {
		t.Errorf("public/index.html = %q, want the new site's", data)
	}
	if data, _ := os.ReadFile(filepath.Join(out, Marker)); string(data) != markerText {
		t.Errorf("the published marker is %q, want the plain one", data)
	}

	dir, err := stage(out) // the next build
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if _, err := os.Stat(leftovers[0]); err == nil {
		t.Error("the next build left the killed build's old site in place")
	}
}
