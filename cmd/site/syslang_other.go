//go:build !windows && !darwin

package main

// preferredLanguage is "": elsewhere the environment (LANG) is the
// system's setting.
func preferredLanguage() string { return "" }
