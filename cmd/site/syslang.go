package main

import (
	"strings"

	"cecot/internal/words"
)

// systemLang is the language the system speaks to its user, reduced to
// one the translator tools speak: the environment's (LC_ALL,
// LC_MESSAGES, LANG) where it says, else the system's own setting,
// which is where Windows and macOS keep it (a program started from
// Explorer or Finder has no LANG).
func systemLang() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if getenv(v) != "" {
			return words.LangFromEnv(getenv)
		}
	}
	if pref := preferredLanguage(); pref != "" {
		return words.LangFromEnv(func(k string) string {
			if k == "LANG" {
				return pref
			}
			return ""
		})
	}
	return words.LangFromEnv(getenv)
}

// firstAppleLanguage reads the first entry of the property list that
// "defaults read -g AppleLanguages" prints: ( "es-419", "en-US" ).
func firstAppleLanguage(plist string) string {
	for _, f := range strings.FieldsFunc(plist, func(r rune) bool { return strings.ContainsRune("(),\" \n\t", r) }) {
		return f
	}
	return ""
}
