package bases

import "vaultview/vault"

// ReadRows reads the rows afresh, past the cache.
func ReadRows(v *vault.Vault, ix *vault.Index) []*Row {
	rows, _ := readRows(v, ix, nil)
	return rows
}
