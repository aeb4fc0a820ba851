int DllHelper(void) { return 0; }
