import "meta" for Nothing
