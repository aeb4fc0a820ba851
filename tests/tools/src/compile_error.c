/* Does not compile: ntk cc must exit 1 after the compiler's message. */
int main(void)
{
    return undeclared_identifier;
}
