module github.com/tipkit/tipkit

go 1.26

require github.com/shopspring/decimal v1.6.0

require github.com/google/go-cmp v0.7.0
