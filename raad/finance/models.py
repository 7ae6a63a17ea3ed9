"""Økonomi: the board's yearly budget for the council in lines, expenses against a line, and members'
expense claims. Money is `Decimal` in kroner with øre (two decimals), never float."""
