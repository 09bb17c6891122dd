package text

import (
	"errors"
	"strings"
	"testing"
)

func TestReadRows(t *testing.T) {
	in := "# Year|Country\n\n2018|Hong Kong\n  \n# 2019|comment\n2019|Iraq\r\n"
	var got []string
	err := ReadRows([]byte(in), []string{"Year", "Country"}, func(r Row) error {
		got = append(got, strings.Join(r.Fields, ","))
		if r.Line != 3 && r.Line != 6 {
			t.Errorf("row %q at line %d", r.Fields, r.Line)
		}
		return nil
	})
	if want := "2018,Hong Kong|2019,Iraq"; err != nil || strings.Join(got, "|") != want {
		t.Errorf("ReadRows = %q, %v; want %q", got, err, want)
	}

	err = ReadRows([]byte("2018|Hong Kong\n2019|Iraq|extra\n"), []string{"Year", "Country"}, func(Row) error { return nil })
	var re *RowError
	if !errors.As(err, &re) || re.Line != 2 || re.Got != 3 || err.Error() != "want Year|Country, got 3 fields" {
		t.Errorf("wrong field count: %v", err)
	}

	stop := errors.New("stop")
	n := 0
	if err := ReadRows([]byte("a\nb\nc\n"), []string{"X"}, func(Row) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("fn's error: %v after %d rows", err, n)
	}
}
