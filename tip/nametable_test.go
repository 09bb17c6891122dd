package tip

import (
	"math/rand/v2"
	"testing"
)

// The name tables answer as the maps they are built from, for their keys
// and for strings near them, as strings and as bytes.
func TestNameTableMatchesMap(t *testing.T) {
	tab := loadTable()
	words := make(map[string]Country, len(tab.words))
	for w := range tab.words {
		words[w] = 1
	}
	r := rand.New(rand.NewPCG(9, 9))
	for _, c := range []struct {
		m   map[string]Country
		tab *nameTable
	}{{tab.exact, &tab.exactTab}, {words, &tab.wordTab}} {
		check := func(s string) {
			want, wok := c.m[s]
			got, ok := get(c.tab, s)
			gotb, okb := get(c.tab, []byte(s))
			if got != want || ok != wok || gotb != want || okb != wok {
				t.Fatalf("get(%q) = %v, %v (bytes: %v, %v); the map has %v, %v", s, got, ok, gotb, okb, want, wok)
			}
		}
		check("")
		for k := range c.m {
			check(k)
			b := []byte(k)
			for range 4 {
				mut := append([]byte(nil), b...)
				switch i := r.IntN(len(b)); r.IntN(3) {
				case 0:
					mut[i] ^= 1 << r.IntN(8)
				case 1:
					mut = append(mut[:i], mut[i+1:]...)
				default:
					mut = append(mut, b[i])
				}
				check(string(mut))
			}
		}
	}
}
