package preview

import (
	"sync"

	"cecot/internal/config"
	"cecot/internal/engine"
)

// store is the site as served: every file's bytes, exactly as a build
// writes them. Rebuilds change it in one step under the lock, so a
// request sees the site before or after a rebuild, never half of it.
type store struct {
	mu    sync.RWMutex
	files map[string][]byte
	cfg   *config.Config // of the last site that loaded; nil before one did
	errs  error          // the site's problems
	// rules are the site's _headers, as a host applies them.
	rules engine.HeaderRules
}

func newStore() *store { return &store{files: map[string][]byte{}} }

// apply writes changed files and removes the named ones.
func (s *store) apply(cfg *config.Config, changed map[string][]byte, removed []string, errs error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cfg, s.errs = cfg, errs
	for name, data := range changed {
		s.files[name] = data
		if name == engine.HeadersFile {
			s.rules = engine.ParseHeaders(data)
		}
	}
	for _, name := range removed {
		delete(s.files, name)
	}
}

// get returns the bytes of the file called name, and whether the site
// has it.
func (s *store) get(name string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	data, ok := s.files[name]
	return data, ok
}

func (s *store) config() *config.Config {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cfg
}

func (s *store) problems() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.errs
}

// headers returns the headers the site's _headers gives a request path.
func (s *store) headers(path string) [][2]string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.rules.For(path)
}
