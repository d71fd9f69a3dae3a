package vault_test

import (
	"testing"

	"vaultview/vault"
)

func TestClock(t *testing.T) {
	for _, tc := range []struct {
		seconds int
		want    string
	}{
		{0, "0:00"},
		{9, "0:09"},
		{65, "1:05"},
		{1108, "18:28"},
		{3599, "59:59"},
		{3600, "1:00:00"},
		{3903, "1:05:03"},
		{36000, "10:00:00"},
	} {
		if got := vault.Clock(tc.seconds); got != tc.want {
			t.Errorf("Clock(%d) = %q, want %q", tc.seconds, got, tc.want)
		}
	}
}
