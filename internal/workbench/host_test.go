package workbench

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestHostAllowed(t *testing.T) {
	for _, tc := range []struct {
		local string // the connection's local address
		host  string
		names []string
		want  bool
	}{
		{"127.0.0.1:1313", "127.0.0.1:1313", nil, true},
		{"127.0.0.1:1313", "localhost:1313", nil, true},
		{"127.0.0.1:1313", "LOCALHOST.:1313", nil, true},
		{"[::1]:1313", "[::1]:1313", nil, true},
		{"[::1]:1313", "localhost:1313", nil, true},
		{"127.0.0.1:1313", "evil.example:1313", nil, false}, // DNS rebinding
		{"127.0.0.1:1313", "127.0.0.1:1314", nil, false},
		{"127.0.0.1:1313", "127.0.0.1", nil, false}, // port 80
		{"127.0.0.1:1313", "127.0.0.2:1313", nil, false},
		{"127.0.0.1:1313", "", nil, false},
		{"192.168.1.5:1313", "192.168.1.5:1313", nil, true},
		{"192.168.1.5:1313", "localhost:1313", nil, false}, // not a loopback connection
		{"192.168.1.5:1313", "laptop.local:1313", []string{"laptop.local"}, true},
		{"192.168.1.5:1313", "other.local:1313", []string{"laptop.local"}, false},
		{"127.0.0.1:80", "localhost", nil, true},
	} {
		local, err := net.ResolveTCPAddr("tcp", tc.local)
		if err != nil {
			t.Fatal(err)
		}
		r := httptest.NewRequest(http.MethodGet, "/_status/", nil)
		r.Host = tc.host
		r = r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, local))
		if got := HostAllowed(r, tc.names); got != tc.want {
			t.Errorf("served on %s, Host %q, names %q: allowed %v, want %v", tc.local, tc.host, tc.names, got, tc.want)
		}
	}
	// Not from a connection: nothing to compare with.
	if !HostAllowed(httptest.NewRequest(http.MethodGet, "/", nil), nil) {
		t.Error("a request without a connection is refused")
	}
}
