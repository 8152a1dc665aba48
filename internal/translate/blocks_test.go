package translate

// pageBlocks is the blocks of a page's file, as readPageFile finds them.
// reserved are the IDs the layouts use (markdown.ReservedIDs), which
// headings do not take; nil will do where no heading could collide.
func pageBlocks(path, lang, key string, data []byte, reserved []string) ([]block, error) {
	pf, err := readPageFile(path, lang, key, data, reserved)
	if err != nil {
		return nil, err
	}
	return pf.blocks, nil
}
