package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"cecot/internal/preview"
	"cecot/internal/status"
	"cecot/internal/words"
	"cecot/internal/workbench"
)

func runServe(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	var pf projectFlags
	pf.register(fs)
	addr := fs.String("addr", "127.0.0.1:1313", "`address` to serve on; keep it on 127.0.0.1 unless others must see the preview")
	editor := fs.String("editor", os.Getenv(workbench.EditorEnv), "`link` that opens a file at a line in your editor, for the workbench at /_status/, such as "+workbench.EditorExamples[0]+" ({file} is the absolute path, {path} the path in the project, {line} the line); default $"+workbench.EditorEnv)
	setUsage(fs, pf.lang, "usage_serve", "Example", workbench.EditorExamples[0], "Env", workbench.EditorEnv)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	p, err := pf.printer(fs)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return say(p, serve(ctx, pf, p, *addr, *editor, stdout, nil))
}

// serve previews the project pf names on addr until ctx ends. ready, if
// set, is called with the workbench's address once the server listens.
func serve(ctx context.Context, pf projectFlags, p *status.Printer, addr, editor string, stdout io.Writer, ready func(desk string)) error {
	ed, err := workbench.NewEditor(editor, pf.src)
	if err != nil {
		return err
	}
	var hosts []string
	if host, _, err := net.SplitHostPort(addr); err == nil && host != "" && net.ParseIP(host) == nil {
		hosts = append(hosts, host) // -addr laptop.local:1313: requests name it
	}
	srv, rep, err := preview.New(ctx, preview.Options{Src: pf.src, Build: pf.options(), Quiet: preview.DefaultQuiet, Log: os.Stderr, Editor: ed, Hosts: hosts, Words: p.Printer, ParseCache: parseCache(pf.src)})
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return words.WithNote(err, "addr_in_use")
	}
	if host, _, _ := net.SplitHostPort(addr); !isLoopback(host) {
		fmt.Fprintf(os.Stderr, "site: %s: %s\n", p.T("label_warning"), p.T("serving_public", "Addr", addr, "Port", ln.Addr().(*net.TCPAddr).Port))
	}
	desk := "http://" + displayAddr(ln.Addr()) + preview.StatusPath
	fmt.Fprintf(stdout, "site: %s\n", p.T("serving", "URL", "http://"+displayAddr(ln.Addr())+rep.BasePath))
	fmt.Fprintf(stdout, "site: %s\n", p.T("serving_desk", "URL", desk))
	if ready != nil {
		ready(desk)
	}
	if err := srv.Serve(ctx, ln); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "site: %s\n", p.T("serving_stopped"))
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// displayAddr is an address to type in a browser: an unspecified host
// (all interfaces) shows as 127.0.0.1.
func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return a.String()
	}
	return fmt.Sprintf("127.0.0.1:%d", tcp.Port)
}
