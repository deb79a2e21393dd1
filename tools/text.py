#!/usr/bin/env python3
"""Add or update one translated string in a family of .resx files (Name.fi.resx, Name.sv.resx, Name.en.resx).

    tools/text.py src/Yhdessa/Features/Network/NetworkText Key "suomeksi" "på svenska" "in English"

Creates the three files when missing. Keeps the files sorted by key so that merges stay small.
"""
import sys, os
import xml.etree.ElementTree as ET

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def load(path):
    if not os.path.exists(path):
        return {}
    root = ET.parse(path).getroot()
    return {d.get('name'): d.find('value').text or '' for d in root.findall('data')}

def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')

def save(path, entries):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEADER)
        for k in sorted(entries):
            f.write(f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(entries[k])}</value></data>\n')
        f.write('</root>\n')

def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    base, key, *values = sys.argv[1:]
    for lang, value in zip(('fi', 'sv', 'en'), values):
        path = f'{base}.{lang}.resx'
        entries = load(path)
        entries[key] = value
        save(path, entries)

if __name__ == '__main__':
    main()
