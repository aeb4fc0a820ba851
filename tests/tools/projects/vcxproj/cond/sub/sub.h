/* sub.h - found through $(ProjectDir)sub. */
#define COND_SUB_SEEN 1
