package cspa

// The child-soldier definition of the CSPA (22 U.S.C. 2370c(2)), as seed
// 003 prints it, consistent with the Optional Protocol on the involvement
// of children in armed conflict.

// A ForceKind says which forces a person serves in.
type ForceKind uint8

// The kinds of force.
const (
	ForceUnknown    ForceKind = iota
	GovernmentForce           // governmental armed forces, police, or other security forces
	NonStateForce             // armed forces distinct from the armed forces of a state
)

// A Recruitment says how a person came to serve.
type Recruitment uint8

// The ways of recruitment.
const (
	RecruitmentUnknown Recruitment = iota
	Compulsory
	Voluntary
)

// A Person is what Classify needs to know.
type Person struct {
	Age         int
	Force       ForceKind
	Recruitment Recruitment
	DirectPart  bool   // takes a direct part in hostilities
	Role        string // "cook", "porter", "messenger", "medic", "guard", "sex slave", "fighter"; informational
}

// A Clause is the clause of the definition that makes a person a child
// soldier. The zero Clause means none does.
type Clause uint8

// The clauses (i)–(iv).
const (
	ClauseNone Clause = iota
	ClauseI           // under 18, takes a direct part in hostilities as a member of government forces
	ClauseII          // under 18, compulsorily recruited into government forces
	ClauseIII         // under 15, voluntarily recruited into government forces
	ClauseIV          // under 18, recruited or used in hostilities by non-state armed forces
)

// String returns "(i)" … "(iv)", or "" for ClauseNone.
func (c Clause) String() string {
	return [...]string{"", "(i)", "(ii)", "(iii)", "(iv)"}[min(int(c), 4)]
}

// Classify reports whether p is a child soldier under the CSPA and by which
// clause. Clauses (ii)–(iv) include a person "serving in any capacity,
// including in a support role, such as a cook, porter, messenger, medic,
// guard, or sex slave"; clause (i) does not, so a 16-year-old volunteer in
// government forces counts only if taking a direct part in hostilities.
// When several clauses apply, the first is returned.
func Classify(p Person) (bool, Clause) {
	switch p.Force {
	case GovernmentForce:
		switch {
		case p.Age < 18 && p.DirectPart:
			return true, ClauseI
		case p.Age < 18 && p.Recruitment == Compulsory:
			return true, ClauseII
		case p.Age < 15 && p.Recruitment == Voluntary:
			return true, ClauseIII
		}
	case NonStateForce:
		if p.Age < 18 {
			return true, ClauseIV
		}
	}
	return false, ClauseNone
}
