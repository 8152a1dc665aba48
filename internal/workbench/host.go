package workbench

import (
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
)

// HostAllowed reports whether a request names, in its Host header, the
// address the server serves it on. A web page in the same browser can
// point a name of its own at 127.0.0.1 (DNS rebinding) and then read
// what a local server answers; its requests carry that name as Host, so
// refusing every name but the served address keeps them out.
//
// The address served is the connection's own (the listener's IP and
// port), "localhost" when that is a loopback address, or one of names,
// the host names the server was told to listen under (site serve -addr
// name:port). A request that did not come over a network connection,
// as in a handler test, has no address to compare and is allowed.
func HostAllowed(r *http.Request, names []string) bool {
	local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok {
		return true
	}
	served, err := netip.ParseAddrPort(local.String())
	if err != nil {
		return false
	}
	host, port := r.Host, "80"
	if h, p, err := net.SplitHostPort(r.Host); err == nil {
		host, port = h, p
	}
	if port != strconv.Itoa(int(served.Port())) {
		return false
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return ip.Unmap() == served.Addr().Unmap()
	}
	if host == "localhost" {
		return served.Addr().IsLoopback()
	}
	for _, n := range names {
		if strings.EqualFold(strings.TrimSuffix(n, "."), host) {
			return true
		}
	}
	return false
}
