package sums_test

import data.sums

test_total_adds_values if {
	sums.total == 6 with input as {"values": [1, 2, 3]}
}

test_small_below_ten if {
	sums.small with input as {"values": [1, 2]}
}

todo_test_negative_values if {
	false
}
