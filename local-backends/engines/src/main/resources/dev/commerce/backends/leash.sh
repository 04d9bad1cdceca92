# The leash of one work directory (see WorkDir.java). The process that created the directory, its owner, holds the
# only write end of this script's standard input. That end closes when the owner closes the directory, or when the
# owner ends in any way (exit, crash, SIGKILL). Then every process still running in the directory (its current
# directory is in it) is stopped -- the topmost ones with SIGTERM, whatever is left after 10 s with SIGKILL -- and
# the directory is removed. Started with standard input already at its end, it reclaims a stale directory at once.
dir=$1
case $dir in
*/commerce-engines/?*) ;;
*) echo "leash: not a work directory: $dir" >&2; exit 2 ;;
esac
# Signals meant for the owner (Ctrl-C, a closed terminal, a stop of its process group) must not skip the cleanup.
trap '' HUP INT TERM
cd / || exit 1
while read -r _; do :; done

members() { # "pid ppid" of every process running in the directory
    for proc in /proc/[0-9]*; do
        if cd -P "$proc/cwd" 2>/dev/null; then
            case $PWD in
            "$dir" | "$dir"/*)
                if read -r stat 2>/dev/null <"$proc/stat"; then
                    set -- ${stat##*) }
                    echo "${proc#/proc/} $2"
                fi
                ;;
            esac
            cd /
        fi
    done
}

pids() { # the first column of members
    echo "$1" | while read -r pid _; do [ -n "$pid" ] && echo "$pid"; done
}

roots() { # members whose parent is not a member; they stop their own children
    all=$(pids "$1" | tr '\n' ' ')
    echo "$1" | while read -r pid parent; do
        case " $all" in *" $parent "*) ;; *) [ -n "$pid" ] && echo "$pid" ;; esac
    done
}

await_none() { # polls for up to $1 seconds until nothing runs in the directory
    deadline=$(($(date +%s) + $1))
    while [ -n "$(members)" ] && [ "$(date +%s)" -lt "$deadline" ]; do
        sleep 0.1
    done
}

running=$(members)
if [ -n "$running" ]; then
    kill -s TERM $(roots "$running") 2>/dev/null
    await_none 10
    left=$(members)
    if [ -n "$left" ]; then
        kill -s KILL $(pids "$left") 2>/dev/null
        await_none 5
    fi
fi
rm -rf "$dir"
