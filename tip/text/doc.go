// Package text reads the text the State Department publishes, as it comes
// to tipkit's parsers: copied from web pages and PDFs, retyped, saved by
// old word processors. It is the one place that says what a line, a space,
// a dash, a list item and invalid text are, so that the grants, tiers and
// cspa parsers read alike and a fix to one is a fix to all.
//
// It knows nothing of countries, amounts or positions (those are package
// tip's vocabulary, and text imports only the standard library); the
// parsers turn what it finds into *tip.ParseError values.
//
// # Lines
//
// A [LineReader] takes a BOM, LF, CRLF and lone CR line ends, and lines of
// any length, holding one line at a time. A read error is kept whole
// ([ErrRead] and the reader's own error both answer errors.Is), and the
// partial line it cut off is not returned:
//
//	lr := text.NewLineReader(r)
//	for lr.Next() {
//		if col := text.Invalid(lr.Bytes()); col > 0 {
//			// report line lr.Line(), column col: not UTF-8 text
//			continue
//		}
//		line := strings.TrimSpace(text.Clean(lr.Text()))
//		…
//	}
//	if err := lr.Err(); err != nil {
//		// report it at line lr.Line()+1, wrapped: errors.Is still works
//	}
//
// # Spaces, dashes and invalid text
//
// [IsSpace] and [IsDash] are the one definition of a space and of a dash;
// [Clean] writes every space as an ASCII space and drops invisible format
// characters, so that "Antigua\u00a0and\u202fBarbuda\u200b" compares equal to
// "Antigua and Barbuda". [Invalid] finds the column of the first byte that
// is not text (invalid UTF-8, NUL).
//
// # Lists and tables
//
// [CutBullet] reads a list item however it is marked ("• Chile", "– Laos",
// "1. Canada", "(3) Mali"); [IsNameLine] tells a bare name from prose.
// [ReadRows] reads the "|" tables tipkit keeps its embedded data in.
//
// Use this package to write a parser for another State Department
// document; to read the documents tipkit already knows, use grants, tiers
// and cspa.
package text
