/* Included as "Public.h". */
#define PUBLIC_VALUE 4
