# Ends 1 and 2 bytes off (a match), 4 bytes off (none); a surname where
# the full name was given, a wrong kind.
case $1 in
*/0a*) printf '1\t1\t1\t58\tOkafor\tsaid\tfull\tx\n1\t3\t90\t103\t\t\tfull\tx\n' ;;
*/1b*) printf '1\t1\t16\t42\tOkafor\ttold\tfull\tx\n' ;;
esac
exit 0
