package main

import "golang.org/x/sys/windows"

// preferredLanguage is the first of the user's display languages
// ("es-MX"), or "".
func preferredLanguage() string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		return ""
	}
	return langs[0]
}
