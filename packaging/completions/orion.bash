# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for orion-node and orionctl (installed under both names).
# The words come from the programs' own help texts, read when TAB is pressed, so the
# completion knows every command and option of the installed version:
#   PROGRAM --help          "Commands:" lists the subcommands
#   PROGRAM COMMAND --help  "Options:" lists the options, "Arguments:" names the actions
#                           of commands like `orionctl container` ("create, update ... or data")

_orion_help_section() {
    # Prints the entries of one section ("Commands", "Options", "Arguments") of a help text
    # on stdin as "NAME<TAB>TEXT", with wrapped lines joined.
    awk -v want="$1" '
        /^[A-Z][a-z]+:$/ { in_section = ($0 == want ":"); next }
        /^$/ { in_section = 0; next }
        !in_section { next }
        /^  [^ ]/ {
            if (name != "") print name "\t" text
            line = substr($0, 3)
            split(line, parts, /  +/)
            name = parts[1]
            text = substr(line, length(name) + 1)
            sub(/^ +/, "", text)
            next
        }
        { t = $0; sub(/^ +/, "", t); text = text " " t }
        END { if (name != "") print name "\t" text }'
}

_orion_complete() {
    local program=$1 cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    if [ "$COMP_CWORD" -eq 1 ]; then
        local commands
        commands=$("$program" --help 2>/dev/null | _orion_help_section Commands | cut -f1)
        mapfile -t COMPREPLY < <(compgen -W "$commands --help --version" -- "$cur")
        return
    fi

    local command=${COMP_WORDS[1]} help
    help=$("$program" "$command" --help 2>/dev/null) || return

    # Options that take a value are shown as "--name <VALUE>".
    local value_options
    value_options=" $(printf '%s\n' "$help" | _orion_help_section Options | cut -f1 |
        grep -oE -- '--?[A-Za-z0-9][A-Za-z0-9-]* <' | tr -d '<' | tr '\n' ' ') "

    # After such an option: directories for <DIR>, else files.
    if [[ $prev == -* && $value_options == *" $prev "* ]]; then
        local entry
        entry=$(printf '%s\n' "$help" | _orion_help_section Options |
            cut -f1 | grep -E -- "(^|, )$prev <" | head -n1)
        if [ -n "$entry" ]; then
            if [[ $entry == *"<DIR>"* ]]; then
                mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            else
                mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            fi
            compopt -o filenames 2>/dev/null
            return
        fi
    fi

    if [[ $cur == -* ]]; then
        local options
        options=$(printf '%s\n' "$help" | _orion_help_section Options | cut -f1 |
            grep -oE -- '--?[A-Za-z0-9][A-Za-z0-9-]*')
        mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
        return
    fi

    # The first word after a command with an "action" argument: its actions.
    local word count=0 i
    for ((i = 2; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == -* ]]; then
            [[ $value_options == *" $word "* ]] && i=$((i + 1))
        else
            count=$((count + 1))
        fi
    done
    if [ "$count" -eq 0 ]; then
        local actions
        actions=$(printf '%s\n' "$help" | _orion_help_section Arguments |
            awk -F'\t' '$1 == "action" { print $2 }' | sed -E 's/,|[[:space:]]or[[:space:]]/ /g')
        if [ -n "$actions" ]; then
            mapfile -t COMPREPLY < <(compgen -W "$actions" -- "$cur")
            return
        fi
    fi
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    compopt -o filenames 2>/dev/null
}

complete -F _orion_complete orion-node orionctl
