package engine

import (
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
