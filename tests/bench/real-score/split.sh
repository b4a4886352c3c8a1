# An interrupted quotation as two records, the rest right.
case $1 in
*/0a*) printf '1\t1\t0\t19\tLinda Okafor\tsaid\tfull\tThe roof must go,\n1\t1\t39\t60\tLinda Okafor\t\tfull\tThe walls can stay.\n1\t3\t90\t103\tThe council\tcalled\tpartial\ta bold step\n' ;;
*/1b*) printf '1\t1\t16\t38\tLinda Okafor\ttold\tfull\tWe start in May.\n' ;;
esac
