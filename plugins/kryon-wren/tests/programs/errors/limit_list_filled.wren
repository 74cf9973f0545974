var cells = List.filled(1e9, 0)
