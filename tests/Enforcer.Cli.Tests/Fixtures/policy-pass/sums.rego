package sums

total := sum(input.values)

small if total < 10
