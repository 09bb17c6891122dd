package tip

import (
	"errors"
	"strings"
	"testing"
)

func TestReadRows(t *testing.T) {
	in := "# Year|Country\n\n2018|Hong Kong\n  \n# 2019|comment\n2019|Iraq\n"
	var got []string
	err := ReadRows([]byte(in), "t.txt", []string{"Year", "Country"}, func(r Row) error {
		got = append(got, r.Pos.String()+" "+strings.Join(r.Fields, ","))
		return nil
	})
	if want := "3:1 2018,Hong Kong|6:1 2019,Iraq"; err != nil || strings.Join(got, "|") != want {
		t.Errorf("ReadRows = %q, %v; want %q", got, err, want)
	}

	err = ReadRows([]byte("2018|Hong Kong\n2019|Iraq|extra\n"), "t.txt", []string{"Year", "Country"}, func(Row) error { return nil })
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrSyntax) || pe.Pos() != (Position{Line: 2, Col: 1}) || err.Error() != "t.txt:2:1: syntax error: want Year|Country, got 3 fields" {
		t.Errorf("wrong field count: %v", err)
	}

	stop := errors.New("stop")
	n := 0
	if err := ReadRows([]byte("a\nb\nc\n"), "t.txt", []string{"X"}, func(Row) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("fn's error: %v after %d rows", err, n)
	}
}
