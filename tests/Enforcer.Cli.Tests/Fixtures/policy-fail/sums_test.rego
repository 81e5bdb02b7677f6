package sums_test

import data.sums

test_total_adds_values if {
	sums.total == 6 with input as {"values": [1, 2, 3]}
}

# Wrong on purpose: 5 + 6 is not small, so this test fails.
test_large_is_small if {
	sums.small with input as {"values": [5, 6]}
}
