#!/usr/bin/env bash
# The evaluation tables of docs/EVALUATION.md: newssearch (default settings, and with
# pseudo-relevance feedback) side by side with plain Xapian BM25 (bench/plain_xapian_bm25.cpp) on
# Cranfield, CISI, the bundled news set and the BBC known-item and ad-hoc sets, every run scored
# by the same `newssearch eval --run`.
#
#   bench/baseline.sh [SHARED_DATA]      (default: ../shared/data beside the repository)
#
# Needs a built tree (scripts/build). Work files go to build/bench-eval/. Prints one Markdown
# row per system and collection, and the commands that produced it to build/bench-eval/commands.log.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
data=${1:-"$root/../shared/data"}
ns="$root/build/newssearch"
work="$root/build/bench-eval"
plain="$work/plain_xapian_bm25"
ref="$data/trec_eval-reference"
mkdir -p "$work"
: >"$work/commands.log"

run() { # logs and runs a command
    echo "$*" >>"$work/commands.log"
    "$@"
}

[ -x "$ns" ] || { echo "build newssearch first (scripts/build)" >&2; exit 1; }
run cmake -S . -B build -DNEWSSEARCH_BUILD_BENCH=ON >/dev/null
run cmake --build build --target plain_xapian_bm25 >/dev/null
cp build/bench/plain_xapian_bm25 "$plain"

row() { # row NAME SYSTEM RUN QRELS
    local figures
    figures=$(run "$ns" eval --run "$3" --qrels "$4" | awk '{v[$1]=$3} END {
        printf "%s | %s | %s | %s | %s", v["map"], v["ndcg_cut_10"], v["P_10"], v["recip_rank"], v["num_q"]}')
    echo "| $1 | $2 | $figures |"
}

echo "| collection | system | MAP | nDCG@10 | P@10 | MRR | topics |"
echo "|---|---|---|---|---|---|---|"
for collection in cranfield cisi; do
    if [ "$collection" = cranfield ]; then
        docs="$data/cranfield/cran.all.1400" topics="$data/cranfield/cran.qry" order=(--number-by-position)
    else
        docs="$data/cisi/CISI.ALL" topics="$data/cisi/CISI.QRY" order=()
    fi
    qrels="$ref/$collection.qrels"
    rm -rf "$work/$collection.plain" "$work/$collection.plain-naive" "$work/$collection.newssearch"
    run "$plain" index --db "$work/$collection.plain-naive" --smart "$docs" --naive-smart
    run "$plain" batch --db "$work/$collection.plain-naive" --topics "$topics" "${order[@]}" >"$work/$collection.plain-naive.run"
    run "$plain" index --db "$work/$collection.plain" --smart "$docs"
    run "$plain" batch --db "$work/$collection.plain" --topics "$topics" "${order[@]}" >"$work/$collection.plain.run"
    run "$ns" index -q --format smart --db "$work/$collection.newssearch" "$docs"
    run "$ns" batch -q --db "$work/$collection.newssearch" --topics "$topics" "${order[@]}" -o "$work/$collection.newssearch.run"
    run "$ns" batch -q --feedback --run-tag newssearch-prf --db "$work/$collection.newssearch" --topics "$topics" "${order[@]}" \
        -o "$work/$collection.newssearch-prf.run"
    run "$ns" batch -q --bag-of-words --db "$work/$collection.newssearch" --topics "$topics" "${order[@]}" \
        -o "$work/$collection.newssearch-bow.run"
    row "$collection" "trec_eval-reference run" "$ref/$collection.xapian-bm25.run" "$qrels"
    row "$collection" "plain Xapian BM25, reference reading" "$work/$collection.plain-naive.run" "$qrels"
    row "$collection" "plain Xapian BM25" "$work/$collection.plain.run" "$qrels"
    row "$collection" "newssearch" "$work/$collection.newssearch.run" "$qrels"
    row "$collection" "newssearch --feedback" "$work/$collection.newssearch-prf.run" "$qrels"
    row "$collection" "newssearch --bag-of-words" "$work/$collection.newssearch-bow.run" "$qrels"
done

# The bundled news set: the same cleaned articles for both systems.
rm -rf "$work/news.plain" "$work/news.newssearch"
run "$ns" clean corpus/raw >"$work/news.articles.json"
run "$plain" index --db "$work/news.plain" --articles "$work/news.articles.json"
run "$plain" batch --db "$work/news.plain" --topics corpus/eval/topics.tsv >"$work/news.plain.run"
run "$ns" index -q --db "$work/news.newssearch" corpus/raw
run "$ns" batch -q --db "$work/news.newssearch" --topics corpus/eval/topics.tsv -o "$work/news.newssearch.run"
run "$ns" batch -q --feedback --run-tag newssearch-prf --db "$work/news.newssearch" --topics corpus/eval/topics.tsv \
    -o "$work/news.newssearch-prf.run"
run "$ns" batch -q --passages --db "$work/news.newssearch" --topics corpus/eval/topics.tsv -o "$work/news.passages.run"
run "$ns" batch -q --bag-of-words --db "$work/news.newssearch" --topics corpus/eval/topics.tsv -o "$work/news.newssearch-bow.run"
row "news (articles)" "plain Xapian BM25" "$work/news.plain.run" corpus/eval/qrels
row "news (articles)" "newssearch" "$work/news.newssearch.run" corpus/eval/qrels
row "news (articles)" "newssearch --feedback" "$work/news.newssearch-prf.run" corpus/eval/qrels
row "news (articles)" "newssearch --bag-of-words" "$work/news.newssearch-bow.run" corpus/eval/qrels
row "news (passages)" "newssearch --passages" "$work/news.passages.run" corpus/eval/qrels.passages

# The BBC news sets, what users do most: known-item queries (MRR@10 and success@1/@10 per query
# style, runs 10 deep) and judged topical needs (with the judged share of each run's top 10).
bbc="$data/bbc" known="$data/bbc-known-item-dev" adhoc="$data/bbc-adhoc-dev"
if [ -d "$bbc" ] && [ -d "$known" ] && [ -d "$adhoc" ]; then
    rm -rf "$work/bbc.plain" "$work/bbc.newssearch"
    run "$ns" clean "$bbc" >"$work/bbc.articles.json"
    run "$plain" index --db "$work/bbc.plain" --articles "$work/bbc.articles.json"
    run "$ns" index -q --db "$work/bbc.newssearch" "$bbc"
    run "$plain" batch --db "$work/bbc.plain" --topics "$known/topics.tsv" --depth 10 >"$work/known.plain.run"
    run "$ns" batch -q --depth 10 --db "$work/bbc.newssearch" --topics "$known/topics.tsv" -o "$work/known.newssearch.run"
    run "$ns" batch -q --depth 10 --bag-of-words --db "$work/bbc.newssearch" --topics "$known/topics.tsv" \
        -o "$work/known.newssearch-bow.run"
    for system in plain newssearch newssearch-bow; do
        echo
        echo "BBC known-item dev, $system (MRR@10 = recip_rank of a 10-deep run):"
        run "$ns" eval --run "$work/known.$system.run" --qrels "$known/qrels" --groups "$known/styles.tsv" | sed -n '/^group/,$p'
    done
    echo
    echo "| collection | system | MAP | nDCG@10 | P@10 | MRR | topics | judged share of the top 10 |"
    echo "|---|---|---|---|---|---|---|---|"
    run "$plain" batch --db "$work/bbc.plain" --topics "$adhoc/topics.tsv" >"$work/adhoc.plain.run"
    run "$ns" batch -q --db "$work/bbc.newssearch" --topics "$adhoc/topics.tsv" -o "$work/adhoc.newssearch.run"
    run "$ns" batch -q --bag-of-words --db "$work/bbc.newssearch" --topics "$adhoc/topics.tsv" -o "$work/adhoc.newssearch-bow.run"
    for system in plain newssearch newssearch-bow; do
        judged=$(awk 'NR == FNR { judged[$1 " " $3] = 1; next } $4 <= 10 { n++; if (($1 " " $3) in judged) j++ }
                      END { printf "%.2f", n ? j / n : 0 }' "$adhoc/qrels" "$work/adhoc.$system.run")
        echo "$(row "BBC ad-hoc dev" "$system" "$work/adhoc.$system.run" "$adhoc/qrels") $judged |"
    done
fi
