package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"cecot/internal/translate"
)

var errNotClean = errors.New("some pages or strings are missing or out of date (see above)")

func runStatus(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	src := fs.String("src", ".", "project `folder`")
	asJSON := fs.Bool("json", false, "print the report as JSON, for other tools")
	strict := fs.Bool("strict", false, "exit with status 1 when anything is missing or out of date")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: site status [flags]\n\nStatus lists, for each language, the pages that are translated, missing or\nout of date (naming the sections of the original that changed), the\ninterface strings that are missing, untranslated or unused, and places where\na translation does not use the glossary's terms. It only reads the project.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	root, err := openProject(*src)
	if err != nil {
		return err
	}
	defer root.Close()
	r, err := translate.LoadStatus(root.FS())
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(r)
	} else {
		err = translate.WriteText(stdout, r)
	}
	if err != nil {
		return err
	}
	if *strict && !r.Clean() {
		return errNotClean
	}
	return nil
}
