package main

import "os/exec"

// preferredLanguage is the first of the user's languages in System
// Settings ("es-419"), or "".
func preferredLanguage() string {
	out, err := exec.Command("defaults", "read", "-g", "AppleLanguages").Output()
	if err != nil {
		return ""
	}
	return firstAppleLanguage(string(out))
}
