package bases

// ReadRows reads the rows afresh, past the cache.
var ReadRows = readRows
