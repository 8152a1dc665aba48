package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"

	"cecot/internal/status"
)

// deskAddr is where "site" alone serves: the preview's usual address,
// on loopback only, so that nobody else on the network reaches the desk.
const deskAddr = "127.0.0.1:1313"

// findProject is the project folder "site" alone works on: the current
// folder if it holds site.toml, else the folder of the program itself,
// which is where a translator who double-clicks site.exe in the project
// folder has put it (Finder starts programs in the home folder, and
// Explorer in the program's folder). It returns "" if neither is a
// project.
func findProject(cwd, exe string) string {
	for _, dir := range []string{cwd, filepath.Dir(exe)} {
		if dir == "" || dir == "." && cwd == "" {
			continue
		}
		if st, err := os.Stat(filepath.Join(dir, "site.toml")); err == nil && st.Mode().IsRegular() {
			return dir
		}
	}
	return ""
}

// runDesk is "site" with no arguments in a project folder: it serves the
// preview and opens the browser at the translator's workbench, in the
// system's language, so that a translator needs no terminal.
func runDesk(dir string, stdout, stderr io.Writer) int {
	lang := systemLang()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	pf := projectFlags{src: dir}
	open := func(desk string) {
		u := desk + "?" + url.Values{"ui": {lang}}.Encode()
		if err := openBrowser(u); err != nil {
			fmt.Fprintf(stderr, "site: %s\n", status.NewPrinter(lang).T("desk_open_failed", "URL", u))
		}
	}
	if err := serve(ctx, pf, status.NewPrinter(lang), deskAddr, os.Getenv("SITE_EDITOR_URL"), stdout, open); err != nil {
		report(stderr, say(status.NewPrinter(lang), err))
		return 1
	}
	return 0
}

// openBrowser opens u in the system's web browser.
func openBrowser(u string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", u)
	case "darwin":
		cmd = exec.Command("open", u)
	default:
		cmd = exec.Command("xdg-open", u)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it; the browser outlives it
	return nil
}
