//! Reading CSV text: encoding, delimiter detection and RFC 4180 quoting.
//!
//! Spreadsheets write CSV in several dialects: Excel in French or Italian locales uses `;`,
//! some tools use tabs, many add a UTF-8 byte order mark. The delimiter is the one of `,`, `;`
//! or tab that occurs most often in the header line (outside quotes). Quoted fields may hold
//! delimiters, doubled quotes and line breaks. Rows of the wrong length are kept here and
//! reported per row by the import plan; only input that cannot be CSV text at all (binary,
//! not UTF-8, no header, an unclosed quote) is refused as a whole.

use thiserror::Error;

use crate::core::i18n::Msg;

/// The largest CSV file read, in bytes.
pub const MAX_CSV_BYTES: usize = 100 * 1024 * 1024;

const BOM: &str = "\u{feff}";

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CsvError {
    #[error("the file is larger than {MAX_CSV_BYTES} bytes")]
    TooLarge,
    #[error("the file is not UTF-8 text")]
    Binary,
    #[error("the file has no header row")]
    Empty,
    #[error("a quoted field opened on line {0} is never closed")]
    UnclosedQuote(usize),
}

impl CsvError {
    pub fn msg(&self) -> Msg {
        match self {
            CsvError::TooLarge => Msg::ErrCsvTooLarge,
            CsvError::Binary => Msg::ErrCsvBinary,
            CsvError::Empty => Msg::ErrCsvEmpty,
            CsvError::UnclosedQuote(_) => Msg::ErrCsvUnclosedQuote,
        }
    }
}

/// One data row and the line of the file it starts on (the header is line 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A parsed CSV file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub delimiter: char,
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// Parses a CSV file as uploaded.
pub fn parse_csv(bytes: &[u8]) -> Result<Table, CsvError> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(CsvError::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| CsvError::Binary)?;
    // NUL and other control bytes never occur in a spreadsheet export, but do in binaries.
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err(CsvError::Binary);
    }
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let delimiter = detect_delimiter(text);
    let mut records = split(text, delimiter)?.into_iter();
    let header = records.next().ok_or(CsvError::Empty)?;
    let header: Vec<String> = header.cells.into_iter().map(|h| h.trim().to_string()).collect();
    if header.iter().all(String::is_empty) {
        return Err(CsvError::Empty);
    }
    Ok(Table { delimiter, header, rows: records.collect() })
}

fn detect_delimiter(text: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                if let Some(slot) = counts.iter_mut().find(|(d, _)| *d == c) {
                    slot.1 += 1;
                }
            }
            _ => {}
        }
    }
    // On a tie (including none at all) the earlier, more common delimiter wins.
    counts.iter().fold((',', 0), |best, &(d, n)| if n > best.1 { (d, n) } else { best }).0
}

/// Splits text into rows of cells, skipping blank lines.
fn split(text: &str, delimiter: char) -> Result<Vec<Row>, CsvError> {
    let mut rows = Vec::new();
    let (mut cells, mut cell) = (Vec::new(), String::new());
    let (mut line, mut row_line, mut quote_line) = (1usize, 1usize, 0usize);
    let (mut quoted, mut was_quoted) = (false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => {
                    if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
                        line += 1;
                    }
                    cell.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() && !was_quoted => {
                (quoted, was_quoted, quote_line) = (true, true, line);
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cells.push(std::mem::take(&mut cell));
                let blank = cells.len() == 1 && cells[0].is_empty() && !was_quoted;
                if !blank {
                    rows.push(Row { line: row_line, cells: std::mem::take(&mut cells) });
                }
                cells.clear();
                was_quoted = false;
                line += 1;
                row_line = line;
            }
            _ if c == delimiter => {
                cells.push(std::mem::take(&mut cell));
                was_quoted = false;
            }
            // A stray quote inside an unquoted field, or text after a closing quote, is kept.
            _ => cell.push(c),
        }
    }
    if quoted {
        return Err(CsvError::UnclosedQuote(quote_line));
    }
    if !cell.is_empty() || !cells.is_empty() || was_quoted {
        cells.push(cell);
        rows.push(Row { line: row_line, cells });
    }
    Ok(rows)
}
