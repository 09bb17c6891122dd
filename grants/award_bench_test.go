package grants

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tipkit/tipkit/tip"
	"github.com/tipkit/tipkit/tip/parse/parsetest"
)

// transactionDownload returns a reader of a generated transaction
// download of about size bytes: the header of USAspending's 112 columns,
// then rows of every column, 256 different rows repeated, built as they
// are read so that the input costs no memory. Rows look like the real
// ones: quoted descriptions with commas, empty cells, amounts with cents,
// a few rows under another listing.
func transactionDownload(t testing.TB, size int) (io.Reader, int) {
	cols := columnList(t, "usaspending_assistance_transaction_columns.txt")
	var block bytes.Buffer
	w := csv.NewWriter(&block)
	codes := []string{"KEN", "NPL", "USA", "AUT", "MEX", "IND", "XKS", "BRA"}
	for i := range 256 {
		row := make([]string, len(cols))
		for j, c := range cols {
			switch c {
			case "assistance_transaction_unique_key":
				row[j] = fmt.Sprintf("1900_SSJTIP21GR%04d_-NONE-_19.019_%d", i, i%3)
			case "assistance_award_unique_key":
				row[j] = fmt.Sprintf("ASST_NON_SSJTIP21GR%04d_1900", i)
			case "award_id_fain":
				row[j] = fmt.Sprintf("SSJTIP21GR%04d", i)
			case "modification_number":
				row[j] = fmt.Sprint(i % 3)
			case "federal_action_obligation", "total_obligated_amount":
				row[j] = fmt.Sprintf("%d.%02d", 100000+i*1379, i%100)
			case "action_date", "period_of_performance_start_date":
				row[j] = fmt.Sprintf("20%02d-%02d-%02d", 15+i%8, 1+i%12, 1+i%28)
			case "action_date_fiscal_year":
				row[j] = fmt.Sprint(2015 + i%8 + map[bool]int{true: 1}[1+i%12 >= 10])
			case "cfda_number":
				row[j] = map[bool]string{true: "19.345", false: "19.019"}[i%16 == 0]
			case "cfda_title":
				row[j] = "INTERNATIONAL PROGRAMS TO COMBAT HUMAN TRAFFICKING"
			case "primary_place_of_performance_country_code":
				row[j] = codes[i%len(codes)]
			case "assistance_type_code":
				row[j] = "04"
			case "assistance_type_description":
				row[j] = "PROJECT GRANT (B)"
			case "recipient_name":
				row[j] = "INTERNATIONAL ORGANIZATION FOR MIGRATION, GENEVA"
			case "transaction_description", "prime_award_base_transaction_description":
				row[j] = "TO STRENGTHEN THE CAPACITY OF GOVERNMENT, CIVIL SOCIETY AND SURVIVORS TO IDENTIFY, PROTECT AND ASSIST VICTIMS OF TRAFFICKING IN PERSONS, AND TO PROSECUTE TRAFFICKERS"
			case "awarding_agency_name", "funding_agency_name", "awarding_sub_agency_name", "funding_sub_agency_name":
				row[j] = "Department of State"
			case "usaspending_permalink":
				row[j] = fmt.Sprintf("https://www.usaspending.gov/award/ASST_NON_SSJTIP21GR%04d_1900/", i)
			default:
				if j%3 == 0 {
					row[j] = "N"
				}
			}
		}
		w.Write(row)
	}
	w.Flush()
	header := strings.Join(cols, ",") + "\n"
	reps := max(1, (size-len(header))/block.Len())
	return io.MultiReader(strings.NewReader(header), parsetest.NewHeapReader(nil, block.Bytes(), int64(reps*block.Len()))), len(header) + reps*block.Len()
}

// Scanning a generated 10 MB transaction download keeps the live heap
// under 16 MB, sampled every thousand rows after a collection: the rows
// are not kept. (BenchmarkScanTransactionCSV measures it on 100 MB.)
func TestScanTransactionCSVFlatMemory(t *testing.T) {
	r, size := transactionDownload(t, 10<<20)
	rows, peak := scanTransactionsMeasured(t, r, 1000)
	t.Logf("%d MB, %d rows, peak live heap %.1f MB", size>>20, rows, float64(peak)/(1<<20))
	if peak > 16<<20 {
		t.Errorf("peak live heap %.1f MB, want under 16 MB", float64(peak)/(1<<20))
	}
	if rows < size/1500 {
		t.Errorf("%d rows from %d bytes", rows, size)
	}
}

// scanTransactionsMeasured scans r and returns the rows read and the
// peak live heap, sampled every `every` rows after a collection.
func scanTransactionsMeasured(t testing.TB, r io.Reader, every int) (rows int, peak uint64) {
	var ms runtime.MemStats
	for _, err := range ScanTransactionCSV(r, tip.ParseOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		rows++
		if rows%every == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	return rows, peak
}

// BenchmarkScanTransactionCSV reads a generated 100 MB transaction
// download with ScanTransactionCSV, and beside it with encoding/csv alone
// (records read, ReuseRecord, nothing else done: the floor). The two take
// turns, 10 MB each, so that a shared machine's changes of speed fall on
// both alike. It reports each one's MB/s, the scan's speed as a share of
// the floor's (target: 50% or more) and the scan's peak live heap
// (target: under 16 MB), from one more pass that samples it.
func BenchmarkScanTransactionCSV(b *testing.B) {
	const total, turn = 100 << 20, 10 << 20
	var floorTime, scanTime time.Duration
	var read int
	for b.Loop() {
		for range total / turn {
			r, n := transactionDownload(b, turn)
			read += n
			start := time.Now()
			cr := csv.NewReader(r)
			cr.ReuseRecord = true
			for {
				if _, err := cr.Read(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
			floorTime += time.Since(start)

			r, _ = transactionDownload(b, turn)
			start = time.Now()
			for _, err := range ScanTransactionCSV(r, tip.ParseOptions{}) {
				if err != nil {
					b.Fatal(err)
				}
			}
			scanTime += time.Since(start)
		}
	}
	b.StopTimer()
	mb := float64(read) / (1 << 20)
	b.ReportMetric(mb/floorTime.Seconds(), "floor-MB/s")
	b.ReportMetric(mb/scanTime.Seconds(), "scan-MB/s")
	b.ReportMetric(100*floorTime.Seconds()/scanTime.Seconds(), "scan/floor-%")
	r, _ := transactionDownload(b, total)
	_, peak := scanTransactionsMeasured(b, r, 10000)
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(0, "ns/op")
}

// Scanning a generated 5 MB award search response keeps the live heap
// flat too: the decoder holds one record, the reader the line starts and
// bytes from that record on.
func TestScanAwardsJSONFlatMemory(t *testing.T) {
	obj := []byte(",\n  " + award())
	reps := (5 << 20) / len(obj)
	r := io.MultiReader(strings.NewReader("[\n  "+award()), parsetest.NewHeapReader(nil, obj, int64(reps*len(obj))), strings.NewReader("\n]\n"))
	var ms runtime.MemStats
	var peak uint64
	n := 0
	for _, err := range ScanAwardsJSON(r, tip.ParseOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n%5000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	t.Logf("%d awards, peak live heap %.1f MB", n, float64(peak)/(1<<20))
	if n != reps+1 || peak > 16<<20 {
		t.Errorf("%d awards (want %d), peak live heap %.1f MB (want under 16 MB)", n, reps+1, float64(peak)/(1<<20))
	}
}
