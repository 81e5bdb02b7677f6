package broken_test

test_anything if true
