package seeds_test

import (
	"fmt"
	"strings"

	"github.com/tipkit/tipkit/tip/seeds"
)

// A finding's position, "seed 003:966:7", points into the text.
func ExampleReport2023() {
	lines := strings.Split(seeds.Report2023(), "\n")
	fmt.Println(lines[0])
	fmt.Printf("%q\n", lines[966-1][7-1:])
	// Output:
	// 2023 Trafficking in Persons Report - United States Department of State
	// "Montenegro"
}
