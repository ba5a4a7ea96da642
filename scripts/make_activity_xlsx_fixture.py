#!/usr/bin/env python3
"""Write tests/fixtures/verksamheter.xlsx: an activity list as a municipality keeps it in Excel
(invented rows). Start dates as Excel dates and as text, coordinates as numbers, one served
area code typed as a number, an empty row in the middle, a row without a name, and a second
sheet that is not read. Needs openpyxl (pip install openpyxl).

Usage: python3 scripts/make_activity_xlsx_fixture.py
"""
import datetime
import pathlib

import openpyxl

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "verksamheter.xlsx"


def main():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Verksamheter"
    sheet.append(["Namn", "Arrangör", "Arrangörstyp", "Domäner", "Målgrupper", "Start", "Slut",
                  "Lon", "Lat", "Områden", "Webbplats"])
    sheet.append(["Läxhjälp Biskopsgården", "Röda Korset", "Ideell", "Skola", "Unga 13–18",
                  datetime.datetime(2021, 8, 16), None, 11.8839, 57.7292, None, None])
    sheet.append(["Jobbspår industri", "Göteborgs Stad", "Kommun", "Arbete; Skola", "Nyanlända",
                  "2022-01-01", datetime.datetime(2025, 12, 31), None, None, 1480,
                  "https://example.org/jobbspar"])
    sheet.append([])
    sheet.append(["Nattvandring Kungälv", "Nattvandrarna", "Civilsamhälle", "Brott", "Unga",
                  2020, None, 11.9747, 57.8708, None, None])
    sheet.append([None, "Kommunen", "Kommun", "Demokrati", None, 2020, None, None, None, "1482",
                  None])
    other = book.create_sheet("Anteckningar")
    other.append(["Detta blad läses inte"])
    book.save(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
