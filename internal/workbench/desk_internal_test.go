package workbench

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"cecot/internal/projecttest"
)

// TestDeskLoopbackOnly: served on a network address, the desk refuses
// to write even a form with the right token and origin.
func TestDeskLoopbackOnly(t *testing.T) {
	dir := projecttest.Copy(t)
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	h := New(Options{FS: root.FS(), Root: root})
	before, _ := os.ReadFile(dir + "/content/es/submission.md")
	for _, tc := range []struct {
		name, local, remote string
		want                int
	}{
		{"network", "192.0.2.1:1313", "192.0.2.7:50000", http.StatusForbidden},
		{"network client, loopback listener", "127.0.0.1:1313", "192.0.2.7:50000", http.StatusForbidden},
		{"loopback", "127.0.0.1:1313", "127.0.0.1:50000", http.StatusUnprocessableEntity}, // allowed; the unknown block is refused
	} {
		form := url.Values{"token": {h.token}, "lang": {"es"}, "key": {"submission"}, "anchor": {"p999"}, "text": {"x"},
			"hash": {fileHash(root.FS(), "content/es/submission.md")}}
		req := httptest.NewRequest(http.MethodPost, Path+saveAction, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		local, _ := net.ResolveTCPAddr("tcp", tc.local)
		req = req.WithContext(context.WithValue(req.Context(), http.LocalAddrContextKey, net.Addr(local)))
		req.Host, req.RemoteAddr = tc.local, tc.remote
		req.Header.Set("Origin", "http://"+tc.local)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tc.want {
			t.Errorf("%s: %d, want %d\n%s", tc.name, rec.Code, tc.want, rec.Body)
		}
	}
	if after, _ := os.ReadFile(dir + "/content/es/submission.md"); string(after) != string(before) {
		t.Error("the file changed")
	}
}
